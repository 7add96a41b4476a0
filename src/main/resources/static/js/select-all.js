// "Select all on this page" for lists with checkboxes: <input type="checkbox" data-select-all="name" hidden>.
// Without script the box stays hidden and each row is ticked by hand.
document.querySelectorAll('input[data-select-all]').forEach(function (all) {
    var boxes = document.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]');
    all.hidden = false;
    all.addEventListener('change', function () {
        boxes.forEach(function (box) { box.checked = all.checked; });
    });
});
