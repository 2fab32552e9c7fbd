'use client';

import { describeScope } from '@authcode/core/catalogue';
import { scopeTitle, syncModal, type SimulatedSuperApp } from '@authcode/example-shared';
import { useAuthCodeSelector } from '@authcode/react';
import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';

/** The simulated host's consent sheet: what a super app shows over the mini program. */
export function ConsentSheet({ superApp }: { superApp: SimulatedSuperApp }) {
  // The server's snapshot is the same call: no sheet is ever open there.
  const { sheet } = useSyncExternalStore(superApp.subscribe, superApp.getState, superApp.getState);
  const status = useAuthCodeSelector((view) => view.status);
  // A sheet left open by a flow that timed out or was cancelled is not shown.
  const open = sheet !== undefined && status === 'consenting';
  const dialog = useRef<HTMLDialogElement>(null);
  // Before paint, so the sheet never shows a frame without its content.
  useLayoutEffect(() => {
    if (dialog.current) syncModal(dialog.current, open);
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="sheet"
      aria-labelledby="sheet-title"
      aria-describedby="sheet-subtitle"
      // Escape dismisses a host's sheet: the user refused.
      onCancel={(event) => {
        event.preventDefault();
        superApp.decline();
      }}
      data-testid="consent-sheet"
    >
      {sheet && (
        <>
          <div className="sheet__handle" aria-hidden="true" />
          <div className="sheet__app">
            <span className="sheet__app-icon" aria-hidden="true">
              DM
            </span>
            <div>
              <h2 id="sheet-title" className="sheet__title">
                Demo Mini Program
              </h2>
              <p id="sheet-subtitle" className="sheet__subtitle">
                wants to access your account information
              </p>
            </div>
          </div>
          <fieldset className="sheet__scopes">
            <legend className="visually-hidden">Information to share</legend>
            {sheet.scopes.map((scope) => (
              <label key={scope} className="sheet-scope">
                <input
                  type="checkbox"
                  checked={sheet.allowed.includes(scope)}
                  onChange={() => superApp.toggleScope(scope)}
                  data-testid={`sheet-scope-${scope}`}
                />
                <span className="sheet-scope__text">
                  <strong>{scopeTitle(scope)}</strong>
                  <span className="sheet-scope__detail">{describeScope(scope) ?? scope}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <p className="sheet__note">Only what you allow is shared. Unticked items are denied.</p>
          <div className="sheet__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={superApp.allowAll}
              data-testid="sheet-approve-all"
            >
              Allow all
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={superApp.allowSelected}
              data-testid="sheet-approve-selected"
            >
              Allow selected
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={superApp.decline}
              data-testid="sheet-decline"
            >
              Don’t allow
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
