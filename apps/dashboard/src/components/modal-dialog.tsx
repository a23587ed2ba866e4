import { type ReactNode, useEffect, useId, useRef } from 'react';

interface ModalDialogProps {
  title: string;
  open: boolean;
  /** Called on Escape, on the close button and when the dialog closes itself. */
  onClose: () => void;
  children: ReactNode;
}

/**
 * A native <dialog> shown with showModal(): the browser keeps focus inside, closes it on Escape and gives focus back
 * to what opened it.
 */
export function ModalDialog({ title, open, onClose, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="modal-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="modal-dialog__header">
        <h2 id={titleId} className="modal-dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      {open ? <div className="modal-dialog__body">{children}</div> : null}
    </dialog>
  );
}
