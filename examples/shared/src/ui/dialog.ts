/**
 * Opens or closes a native `<dialog>` as a modal to match `open`. A modal dialog traps focus, makes
 * the page behind it inert and gives focus back when it closes, as a host's consent sheet does.
 */
export function syncModal(dialog: HTMLDialogElement, open: boolean): void {
  if (open && !dialog.open) dialog.showModal();
  else if (!open && dialog.open) dialog.close();
}
