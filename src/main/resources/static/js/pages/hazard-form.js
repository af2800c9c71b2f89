// 隐患上报: the phone's position marks where the hazard was found; the form works without it
AnJian.ready(function () {
  var status = document.getElementById('location-status');
  if (!status) { return; }
  if (!navigator.geolocation) { status.textContent = status.dataset.none; return; }
  navigator.geolocation.getCurrentPosition(function (p) {
    document.getElementById('latitude').value = p.coords.latitude.toFixed(6);
    document.getElementById('longitude').value = p.coords.longitude.toFixed(6);
    status.textContent = status.dataset.ok;
  }, function () { status.textContent = status.dataset.none; }, {timeout: 8000});
});
