// Armoniza compare page: a "working" state while the comparison runs, and the print button on the result.
// Everything works without this script (the form posts, the result page has a print stylesheet).

const form = document.getElementById('compare-form');
if (form) {
  form.addEventListener('submit', () => {
    const button = document.getElementById('compare-submit');
    const status = form.querySelector('.compare-status');
    // Disabled after the submission has started, so the form's own data still goes out.
    setTimeout(() => {
      button.disabled = true;
    }, 0);
    status.textContent = form.dataset.working;
  });
}

for (const button of document.querySelectorAll('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

for (const input of document.querySelectorAll('.permalink-input')) {
  input.addEventListener('focus', () => input.select());
}
