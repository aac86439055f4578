/**
 * Form fields as the pages write them: each with its label and a help line that the field names as its description,
 * and the state of an editor's form (its session's CSRF token, what was typed, the error to show above it).
 */
import type { Labels } from '../../src/domain/vocabulary.js';
import type { Lang } from '../i18n/index.js';

/** An editor's form: the session's CSRF token (null for a bearer token), and on a refusal what was typed and why. */
export interface FormState<V> {
  csrf: string | null;
  values?: V;
  error?: string;
}

export const UPLOAD_ACCEPT = '.pdf,.docx,.txt,.md,.markdown,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

/** The hidden field that carries the session's CSRF token back. */
export function CsrfField({ csrf }: { csrf: string | null }) {
  return csrf !== null ? <input type="hidden" name="csrf" value={csrf} /> : null;
}

/** A one-line text field. */
export function TextField(props: { id: string; name: string; label: string; help: string; value?: string; maxlength: number; required?: boolean }) {
  const { id, name, label, help, value, maxlength, required } = props;
  return (
    <div>
      <label for={id}>{label}</label>
      <p class="help" id={`${id}-help`}>{help}</p>
      <input type="text" id={id} name={name} required={required} maxlength={maxlength} value={value ?? ''} aria-describedby={`${id}-help`} class="text-input" />
    </div>
  );
}

/** A file field (PDF, DOCX, text). */
export function FileField({ id, label, help }: { id: string; label: string; help: string }) {
  return (
    <div>
      <label for={id}>{label}</label>
      <p class="help" id={`${id}-help`}>{help}</p>
      <input type="file" id={id} name="file" accept={UPLOAD_ACCEPT} aria-describedby={`${id}-help`} />
    </div>
  );
}

/**
 * A choice among a vocabulary's values, labelled in the page's language. With `placeholder`, nothing is chosen until
 * the reader chooses (a required field then refuses an empty choice).
 */
export function VocabularySelect(props: { id: string; name: string; label: string; help: string; table: Record<string, Labels>; lang: Lang; value?: string; placeholder?: string }) {
  const { id, name, label, help, table, lang, value, placeholder } = props;
  return (
    <div>
      <label for={id}>{label}</label>
      <p class="help" id={`${id}-help`}>{help}</p>
      <select id={id} name={name} required aria-describedby={`${id}-help`}>
        {placeholder ? <option value="" selected={!value}>{placeholder}</option> : null}
        {Object.entries(table).map(([key, labels]) => (
          <option value={key} selected={key === value}>{labels[lang]}</option>
        ))}
      </select>
    </div>
  );
}

/** A text of several lines, optional. */
export function TextArea({ id, name, label, help, value, rows = 3 }: { id: string; name: string; label: string; help: string; value?: string; rows?: number }) {
  return (
    <div>
      <label for={id}>{label}</label>
      <p class="help" id={`${id}-help`}>{help}</p>
      <textarea id={id} name={name} rows={rows} aria-describedby={`${id}-help`}>{value ?? ''}</textarea>
    </div>
  );
}
