import { useState } from 'react';

interface CopyButtonProps {
  text: string;
  /** "Copy secret" */
  label: string;
}

/** Copies `text` to the clipboard and says so; where the clipboard is refused, it says that instead. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  };
  return (
    <span className="copy-button">
      <button type="button" className="button button--primary" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-button__outcome" role="status">
        {outcome === 'copied' ? 'Copied to the clipboard' : outcome === 'failed' ? 'The browser refused the clipboard: select the text and copy it' : ''}
      </span>
    </span>
  );
}
