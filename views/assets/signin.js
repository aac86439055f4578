// Armoniza sign-in: sends the form as JSON to POST /api/session (which sets the session cookie), then goes on.
const form = document.getElementById('signin-form');
if (form) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const status = form.querySelector('.signin-status');
    status.textContent = '';
    const body = JSON.stringify({ email: form.email.value, password: form.password.value });
    try {
      const res = await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      if (res.ok) {
        await res.json(); // read to the end: leaving the page with the answer still arriving aborts it
        location.assign(form.dataset.next || '/');
        return;
      }
      const problem = await res.json().catch(() => null);
      status.textContent = form.dataset.failed + (problem && problem.error ? ': ' + problem.error.message : '');
    } catch {
      status.textContent = form.dataset.failed;
    }
  });
}
