// A yes/no question in a dialog of the page's own, as VictronConnect asks "Reset to defaults?" before it does.

const dialog = document.getElementById('confirm-dialog');
const question = document.getElementById('confirm-question');

/** Resolves true when the user answers Yes. */
export function confirmAction(text) {
  question.textContent = text;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), {once: true});
  });
}
