// 作业票实时状态: the page reloads its content when this permit changes (shared.live, topic permit); the signature
// pad draws with a finger or the mouse and sends the drawing as a PNG data URL in the form.
AnJian.ready(function () {
  function signaturePad(root) {
    var canvas = root.querySelector('#sign-canvas');
    if (!canvas) { return; }
    var ctx = canvas.getContext('2d'), drawing = false, drawn = false;
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#111';
    function point(e) {
      var r = canvas.getBoundingClientRect();
      return {x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height};
    }
    canvas.addEventListener('pointerdown', function (e) {
      drawing = true;
      canvas.setPointerCapture(e.pointerId);
      var p = point(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', function (e) {
      if (!drawing) { return; }
      var p = point(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
      drawn = true;
      e.preventDefault();
    });
    function end() { drawing = false; }
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    root.querySelector('#sign-clear').addEventListener('click', function () {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      drawn = false;
    });
    root.querySelector('#sign-form').addEventListener('submit', function (e) {
      if (!drawn) {
        e.preventDefault();
        root.querySelector('#sign-empty').hidden = false;
        return;
      }
      root.querySelector('#sign-png').value = canvas.toDataURL('image/png');
    });
  }

  var live = document.getElementById('permit-live');
  signaturePad(live);
  AnJian.liveRegion(live, function (m) { return m.data && m.data.id === live.dataset.permitId; }, signaturePad);
});
