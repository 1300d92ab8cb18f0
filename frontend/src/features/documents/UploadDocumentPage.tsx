import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Progress } from '../../lib/api';
import type { FieldError } from '../../lib/types';
import { DOCUMENT_CATEGORY_OPTIONS, fileSize } from '../../lib/words';
import { ErrorSummary, fieldId, fieldName } from '../../components/ErrorSummary';
import { usePageTitle } from '../../components/usePageTitle';
import { FormFields, type Field } from '../forms/fields';
import { set } from '../forms/paths';
import { documentsKey } from './DocumentsTab';

const FIELDS: Field[] = [
  { kind: 'text', name: 'title', label: 'Title', hint: 'What people will see in the list, for example Police report.' },
  { kind: 'choice', name: 'category', label: 'Category', options: DOCUMENT_CATEGORY_OPTIONS },
  { kind: 'date', name: 'documentDate', label: 'Document date',
    hint: 'The date on the document, for example 27 3 2026. Leave blank for today.' },
];

/** Today in the browser's own calendar, YYYY-MM-DD. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** An error in words: a sentence of its own (the file too large, say) as it is, else the field's name and the message. */
const describe = (e: FieldError) => (/^[A-Z]/.test(e.message) ? e.message : `${fieldName(e.field)} ${e.message}`);

/** The API's refusal as errors on the form's fields; 413 is the file's. */
export function uploadErrors(e: unknown): FieldError[] {
  if (!(e instanceof ApiError)) return [{ field: 'form', message: 'The document could not be sent. Check your connection and try again.' }];
  if (e.status === 413) return [{ field: 'file', message: e.detail || 'The selected file must be smaller than 20 MB' }];
  if (e.errors.length) return e.errors;
  return [{ field: 'form', message: e.detail || e.title || 'The document could not be added. Try again.' }];
}

/** Adds a document (a report, a letter, a photo) to the case: the file, its title, what it is and its date; progress while it goes. */
export function UploadDocumentPage() {
  const { caseId = '' } = useParams();
  usePageTitle('Add a document');
  const navigate = useNavigate();
  const client = useQueryClient();
  const view = useQuery({ queryKey: ['case', caseId], queryFn: () => api.case(caseId) });
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const sending = useRef(false);
  const fileError = errors.find((e) => e.field === 'file');
  const id = fieldId('file');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (sending.current) return;
    if (!file) {
      setErrors([{ field: 'file', message: 'Select a file' }]);
      return;
    }
    sending.current = true;
    setErrors([]);
    setProgress({ loaded: 0, total: file.size });
    try {
      const saved = await api.uploadDocument(caseId, {
        file, title: (values.title as string | undefined)?.trim() ?? '', category: (values.category as string | undefined) ?? '',
        documentDate: (values.documentDate as string | undefined) ?? today(),
      }, setProgress);
      await client.invalidateQueries({ queryKey: documentsKey(caseId) });
      navigate(`/cases/${caseId}/documents`, { state: { done: `${saved?.title || (values.title as string) || 'Document'} added` } });
    } catch (e) {
      setErrors(uploadErrors(e));
    } finally {
      sending.current = false;
      setProgress(null);
    }
  }

  const percent = progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  const child = view.data?.child;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} describe={describe} />
        {child && <span className="govuk-caption-l">{child.firstName} {child.lastName}</span>}
        <h1 className="govuk-heading-l">Add a document</h1>
        <p className="govuk-body">A PDF, Word or Excel file, a text file, an email, or a JPEG or PNG picture, up to 20 MB.</p>
        <form onSubmit={submit} noValidate>
          <div className={'govuk-form-group' + (fileError ? ' govuk-form-group--error' : '')}>
            <label className="govuk-label govuk-label--s" htmlFor={id}>Upload a file</label>
            {fileError && <p id={id + '-error'} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {describe(fileError)}</p>}
            <input className={'govuk-file-upload' + (fileError ? ' govuk-file-upload--error' : '')} id={id} name="file" type="file"
                   aria-describedby={fileError ? id + '-error' : undefined}
                   onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <FormFields fields={FIELDS} state={{ values, errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
            change: (path, value) => setValues((v) => set(v, path, value)) }} />
          {progress && (
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="upload-progress">
                Uploading {file?.name}: {percent}% of {fileSize(progress.total)}
              </label>
              <progress id="upload-progress" className="casepath-progress" max={100} value={percent}>{percent}%</progress>
              <p className="govuk-visually-hidden" aria-live="polite">{`Uploading, ${Math.floor(percent / 25) * 25}%`}</p>
            </div>
          )}
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" aria-disabled={progress ? true : undefined}>Add the document</button>
            <Link className="govuk-link" to={`/cases/${caseId}/documents`}>Cancel</Link>
          </div>
        </form>
      </div>
    </div>
  );
}
