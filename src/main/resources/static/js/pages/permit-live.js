// 本企业作业票: the list reloads itself when one of the enterprise's permits changes (shared.live, topic permit).
AnJian.ready(function () {
  AnJian.liveRegion(document.getElementById('permit-live'), function () { return true; });
});
