import { describeError } from '../errors.ts';

/** An error as one sentence, announced to screen readers. */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div role="alert" className="error">
      <p>{typeof error === 'string' ? error : describeError(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}
