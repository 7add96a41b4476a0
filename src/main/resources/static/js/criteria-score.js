// The result of a scores form computed as the evaluator types (the server computes it again when saving):
// the total, and "recognised" when the total reaches the set's minimum and no criterion is under its own
// minimum, with the highest grade the total reaches. Texts come from the page's data attributes (its language).
(function () {
    var form = document.getElementById('score-form');
    if (!form) {
        return;
    }
    var inputs = Array.prototype.slice.call(form.querySelectorAll('input[name="points"]'));
    var output = document.getElementById('score-result');
    var bands = Array.prototype.slice.call(document.querySelectorAll('#grade-bands li')).map(function (li) {
        return { min: parseInt(li.getAttribute('data-min'), 10), label: li.textContent };
    });
    var minTotal = parseInt(form.getAttribute('data-min-total'), 10);
    var maxTotal = form.getAttribute('data-max-total');

    function update() {
        var total = 0;
        var complete = true;
        var eachEnough = true;
        inputs.forEach(function (input) {
            var text = input.value.trim();
            var max = parseInt(input.getAttribute('data-max'), 10);
            var min = input.getAttribute('data-min');
            if (!/^\d{1,4}$/.test(text) || parseInt(text, 10) > max) {
                complete = false;
                input.classList.toggle('is-invalid', text !== '');
                return;
            }
            input.classList.remove('is-invalid');
            var points = parseInt(text, 10);
            total += points;
            if (min !== null && min !== '' && points < parseInt(min, 10)) {
                eachEnough = false;
            }
        });
        if (!complete) {
            output.textContent = form.getAttribute('data-text-missing');
            output.className = 'h5 my-3';
            return;
        }
        var passed = eachEnough && total >= minTotal;
        var grade = null;
        if (passed) {
            bands.forEach(function (band) {
                if (total >= band.min) {
                    grade = band.label;
                }
            });
        }
        output.textContent = form.getAttribute('data-text-total').replace('{0}', total).replace('{1}', maxTotal)
            + ' · ' + form.getAttribute(passed ? 'data-text-pass' : 'data-text-fail') + (grade ? ' · ' + grade : '');
        output.className = 'h5 my-3 ' + (passed ? 'text-success' : 'text-danger');
    }

    inputs.forEach(function (input) {
        input.addEventListener('input', update);
    });
    update();
})();
