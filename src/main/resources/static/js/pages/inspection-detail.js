// 执法检查 on site: GPS for a finding, the exam one question at a time, the signature pad
AnJian.ready(function () {
  // GPS for the finding: the phone's position when the form was opened, if the inspector allows it
  var gps = document.getElementById('finding-gps');
  if (gps && navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (p) {
      document.getElementById('finding-lat').value = p.coords.latitude.toFixed(6);
      document.getElementById('finding-lng').value = p.coords.longitude.toFixed(6);
      gps.textContent = 'GPS ' + p.coords.latitude.toFixed(5) + ', ' + p.coords.longitude.toFixed(5);
    }, function () { gps.hidden = true; }, {enableHighAccuracy: true, timeout: 10000});
  } else if (gps) {
    gps.hidden = true;
  }

  // the exam, one question at a time
  var questions = Array.prototype.slice.call(document.querySelectorAll('.exam-question'));
  var at = 0;
  function show(k) {
    at = Math.max(0, Math.min(questions.length - 1, k));
    questions.forEach(function (q, n) { q.hidden = n !== at; });
  }
  var prev = document.getElementById('exam-prev');
  var next = document.getElementById('exam-next');
  if (prev) { prev.addEventListener('click', function () { show(at - 1); }); }
  if (next) { next.addEventListener('click', function () { show(at + 1); }); }

  // the signature pad: pointer events, so a finger, a stylus and a mouse all draw
  var canvas = document.getElementById('signature-pad');
  if (!canvas) { return; }
  var ctx = canvas.getContext('2d');
  var drawing = false, inked = false;
  ctx.lineWidth = 3; ctx.lineCap = 'round'; ctx.lineJoin = 'round'; ctx.strokeStyle = '#111';
  function point(e) {
    var r = canvas.getBoundingClientRect();
    return {x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height};
  }
  canvas.addEventListener('pointerdown', function (e) {
    drawing = true; canvas.setPointerCapture(e.pointerId);
    var p = point(e); ctx.beginPath(); ctx.moveTo(p.x, p.y); e.preventDefault();
  });
  canvas.addEventListener('pointermove', function (e) {
    if (!drawing) { return; }
    var p = point(e); ctx.lineTo(p.x, p.y); ctx.stroke(); inked = true; e.preventDefault();
  });
  ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (t) {
    canvas.addEventListener(t, function () { drawing = false; });
  });
  document.getElementById('signature-clear').addEventListener('click', function () {
    ctx.clearRect(0, 0, canvas.width, canvas.height); inked = false;
  });
  document.getElementById('signature-form').addEventListener('submit', function (e) {
    if (!inked) { e.preventDefault(); canvas.classList.add('border-danger'); return; }
    document.getElementById('signature-png').value = canvas.toDataURL('image/png');
  });
});
