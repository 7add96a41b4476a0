// Lists with free text (class "table-stack"): on a phone each row stacks as a block, one cell a line, each cell
// named by its column's heading (data-label, copied here from the <th> of its column; app.css shows it). Without
// script the rows stack all the same, without the names.
document.querySelectorAll('table.table-stack').forEach(function (table) {
    var headings = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
    });
    table.querySelectorAll('tbody tr').forEach(function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
            if (headings[i] && !cell.hasAttribute('data-label')) {
                cell.setAttribute('data-label', headings[i]);
            }
        });
    });
});
