// The receipt page's print button (a file of its own: the Content-Security-Policy allows no inline handler).
document.addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('print-receipt');
    if (button) {
        button.addEventListener('click', () => window.print());
    }
});
