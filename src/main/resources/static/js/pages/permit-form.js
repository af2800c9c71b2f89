// 新建作业票: the grading fields of the chosen work type only, and one more worker row on demand.
AnJian.ready(function () {
  var type = document.getElementById('type');
  function follow() {
    document.querySelectorAll('[data-for-type]').forEach(function (el) {
      el.hidden = el.getAttribute('data-for-type') !== type.value;
    });
  }
  type.addEventListener('change', follow);
  follow();
  document.getElementById('add-worker').addEventListener('click', function () {
    var rows = document.querySelectorAll('#workers .worker-row');
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll('input').forEach(function (i) { i.value = ''; });
    document.getElementById('workers').appendChild(copy);
  });
});
