import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { api, ApiError } from '../../lib/api';
import type { CaseDocument, Me } from '../../lib/types';
import { fileSize } from '../../lib/words';
import { axeViolations } from '../../test/axe';
import { SessionProvider } from '../auth/session';
import { CasePage } from '../case/CasePage';
import { caseView } from '../recording/fixtures';
import { DocumentsTab } from './DocumentsTab';
import { UploadDocumentPage, uploadErrors } from './UploadDocumentPage';
import { WithdrawDocumentPage } from './WithdrawDocumentPage';

vi.mock('../case/ProcessDiagram', () => ({ ProcessDiagram: () => null }));

const doc = (d: Partial<CaseDocument>): CaseDocument => ({
  documentId: 'd1', caseId: 'c1', title: 'Police report', category: 'POLICE', generated: false, kind: null,
  fileName: 'police-report.pdf', mediaType: 'application/pdf', size: 245_760, sha256: 'ab', documentDate: '2026-03-03',
  scanStatus: 'NOT_SCANNED', addedBy: 'social.worker', addedAt: '2026-03-04T10:00:00Z',
  withdrawnAt: null, withdrawnBy: null, withdrawalReason: null, ...d,
});

const documents: CaseDocument[] = [
  doc({}),
  doc({ documentId: 'd2', title: 'School attendance', category: 'SCHOOL', scanStatus: 'CLEAN', documentDate: '2026-02-01',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 3_500_000 }),
  doc({ documentId: 'd3', title: 'Conference outcome letter', category: null, generated: true, kind: 'CONFERENCE_OUTCOME',
    addedBy: 'conference.chair', documentDate: '2026-04-10', size: 40_000 }),
  doc({ documentId: 'd4', title: 'Assessment for the family', category: null, generated: true, kind: 'FAMILY_ASSESSMENT',
    addedBy: 'team.manager', documentDate: '2026-03-20' }),
  doc({ documentId: 'd5', title: 'Wrong child', withdrawnAt: '2026-03-05T10:00:00Z', withdrawnBy: 'service.manager',
    withdrawalReason: 'Wrong case' }),
];

const worker: Me = { username: 'social.worker', displayName: 'Sara Worker', groups: ['social-workers'] };
const manager: Me = { username: 'service.manager', displayName: 'Sam Manager', groups: ['service-managers'] };

function page(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <SessionProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/cases/:caseId/documents" element={<CasePage tab="documents" documents={DocumentsTab} />} />
            <Route path="/cases/:caseId/documents/upload" element={<UploadDocumentPage />} />
            <Route path="/cases/:caseId/documents/:documentId/withdraw" element={<WithdrawDocumentPage />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  vi.spyOn(api, 'me').mockResolvedValue(worker);
  vi.spyOn(api, 'case').mockResolvedValue(caseView);
  vi.spyOn(api, 'users').mockResolvedValue([{ username: 'social.worker', displayName: 'Sara Worker' }]);
  vi.spyOn(api, 'documents').mockResolvedValue(documents);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const rowOf = (title: string) => screen.getByRole('link', { name: new RegExp('^' + title) }).closest('tr')!;

describe('the documents tab', () => {
  it('lists uploads and what Casepath wrote together, in words, each a download link; withdrawn ones are not listed', async () => {
    page('/cases/c1/documents');
    await screen.findByRole('link', { name: /^Police report/ });
    expect(screen.getByRole('tab', { name: 'Documents' }).getAttribute('aria-selected')).toBe('true');
    const police = rowOf('Police report');
    expect(within(police).getByRole('link').getAttribute('href')).toBe('/api/documents/d1/content');
    const cells = within(police).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[0]).toBe('Police');
    expect(cells[1]).toBe('3 March 2026');
    expect(cells[2]).toContain('Sara Worker');
    expect(cells[3]).toBe('PDF, 240 KB');
    expect(within(police).getByText('Not scanned for viruses')).toBeTruthy();
    const school = rowOf('School attendance');
    expect(within(school).getAllByRole('cell').map((c) => c.textContent)[3]).toBe('Word document, 3.3 MB');
    expect(within(school).queryByText('Not scanned for viruses')).toBeNull();
    const letter = rowOf('Conference outcome letter');
    expect(within(letter).getByRole('link').getAttribute('href')).toBe('/api/documents/d3/content');
    expect(within(letter).getAllByRole('cell').map((c) => c.textContent).slice(0, 3))
      .toEqual(['Conference outcome letter', '10 April 2026', 'Written by Casepath4 March 2026']);
    expect(within(rowOf('Assessment for the family')).getAllByRole('cell')[0].textContent).toBe('Assessment for the family');
    expect(screen.queryByText('Wrong child')).toBeNull();
    // Newest first, by the document's date.
    expect(screen.getAllByRole('row').slice(1).map((r) => r.getAttribute('data-document'))).toEqual(['d3', 'd4', 'd1', 'd2']);
    for (const code of ['POLICE', 'SCHOOL', 'CONFERENCE_OUTCOME', 'FAMILY_ASSESSMENT', 'NOT_SCANNED', 'application/pdf', 'social.worker']) {
      expect(document.body.textContent, code).not.toContain(code);
    }
    expect(screen.getByRole('link', { name: 'Add a document' }).getAttribute('href')).toBe('/cases/c1/documents/upload');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('says so when there are none', async () => {
    vi.mocked(api.documents).mockResolvedValue([]);
    page('/cases/c1/documents');
    await screen.findByText(/No documents yet/);
    expect(screen.queryByRole('table')).toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('prints the chronology, all of it or its significant events, and offers the PDF', async () => {
    const print = vi.spyOn(api, 'printChronology').mockResolvedValue(
      doc({ documentId: 'd9', title: 'Chronology: significant events', generated: true, kind: 'CHRONOLOGY', category: null, size: 52_000 }));
    page('/cases/c1/documents');
    await screen.findByRole('link', { name: /^Police report/ });
    fireEvent.click(screen.getByRole('button', { name: 'Print the significant events' }));
    const link = await screen.findByRole('link', { name: 'Chronology: significant events (PDF, 51 KB)' });
    expect(link.getAttribute('href')).toBe('/api/documents/d9/content');
    expect(print).toHaveBeenCalledWith('c1', true);
    expect(api.documents).toHaveBeenCalledTimes(2); // the list refreshed
    fireEvent.click(screen.getByRole('button', { name: 'Print the chronology' }));
    await vi.waitFor(() => expect(print).toHaveBeenLastCalledWith('c1', false));
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('offers withdrawal to service managers only', async () => {
    page('/cases/c1/documents');
    await screen.findByRole('link', { name: /^Police report/ });
    await vi.waitFor(() => expect(api.me).toHaveBeenCalled());
    expect(screen.queryByRole('link', { name: /^Withdraw/ })).toBeNull();
    cleanup();
    vi.mocked(api.me).mockResolvedValue(manager);
    page('/cases/c1/documents');
    const withdraw = await screen.findByRole('link', { name: 'Withdraw Police report' });
    expect(withdraw.getAttribute('href')).toBe('/cases/c1/documents/d1/withdraw');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('withdrawing a document', () => {
  it('a service manager gives a reason, confirms, and it leaves the list', async () => {
    vi.mocked(api.me).mockResolvedValue(manager);
    const withdraw = vi.spyOn(api, 'withdrawDocument').mockResolvedValue(undefined);
    page('/cases/c1/documents/d1/withdraw');
    await screen.findByRole('heading', { name: 'Withdraw Police report' });
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw the document' }));
    await screen.findByRole('link', { name: 'Reason is required' });
    expect(withdraw).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Why are you withdrawing it?'), { target: { value: 'Added to the wrong child’s case' } });
    vi.mocked(api.documents).mockResolvedValue(documents.filter((d) => d.documentId !== 'd1'));
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw the document' }));
    await screen.findByText('Police report withdrawn');
    expect(withdraw).toHaveBeenCalledWith('d1', 'Added to the wrong child’s case');
    await screen.findByRole('link', { name: /^School attendance/ });
    expect(screen.queryByRole('link', { name: /^Police report/ })).toBeNull();
  });

  it('is not offered to a social worker who finds the address', async () => {
    page('/cases/c1/documents/d1/withdraw');
    await screen.findByRole('heading', { name: 'Only a service manager can withdraw a document' });
    expect(screen.queryByRole('button', { name: 'Withdraw the document' })).toBeNull();
  });
});

const pdf = () => new File(['%PDF-1.7\n'], 'police-report.pdf', { type: 'application/pdf' });

async function fillIn() {
  await screen.findByRole('heading', { name: 'Add a document' });
  fireEvent.change(screen.getByLabelText('Upload a file'), { target: { files: [pdf()] } });
  fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Police report' } });
  fireEvent.click(screen.getByLabelText('Police'));
  fireEvent.change(screen.getByLabelText('Day'), { target: { value: '3' } });
  fireEvent.change(screen.getByLabelText('Month'), { target: { value: '3' } });
  fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2026' } });
}

describe('adding a document', () => {
  it('sends the file, title, category and date, shows the progress, then the list with a success banner', async () => {
    let report: (p: { loaded: number; total: number }) => void = () => undefined;
    let finish: (d: CaseDocument) => void = () => undefined;
    const upload = vi.spyOn(api, 'uploadDocument').mockImplementation((_c, _d, onProgress) => {
      report = onProgress!;
      return new Promise((resolve) => { finish = resolve; });
    });
    page('/cases/c1/documents/upload');
    await fillIn();
    expect(await axeViolations(document.body)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add the document' }));
    await vi.waitFor(() => expect(upload).toHaveBeenCalled());
    const [caseId, sent] = upload.mock.calls[0];
    expect(caseId).toBe('c1');
    expect({ ...sent, file: sent.file.name }).toEqual({ file: 'police-report.pdf', title: 'Police report', category: 'POLICE',
      documentDate: '2026-03-03' });
    const { act } = await import('react');
    act(() => report({ loaded: 6 * 1024 * 1024, total: 12 * 1024 * 1024 }));
    const bar = screen.getByLabelText(/^Uploading police-report.pdf: 50% of 12 MB/);
    expect(bar.tagName).toBe('PROGRESS');
    expect(bar.getAttribute('value')).toBe('50');
    expect(screen.getByText('Uploading, 50%').getAttribute('aria-live')).toBe('polite');
    expect(await axeViolations(document.body)).toEqual([]);
    act(() => finish(doc({})));
    await screen.findByText('Police report added');
    expect(screen.getByRole('tab', { name: 'Documents' }).getAttribute('aria-selected')).toBe('true');
    await screen.findByRole('link', { name: /^Police report/ });
  });

  it('on a 400 naming the file, the error summary links to the file input and nothing typed is lost', async () => {
    vi.spyOn(api, 'uploadDocument').mockRejectedValue(new ApiError(400, 'Bad Request', 'The request is not valid',
      [{ field: 'file', message: 'must be a PDF, Word, Excel, text, email, JPEG or PNG file' }]));
    page('/cases/c1/documents/upload');
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Add the document' }));
    const link = await screen.findByRole('link', { name: 'File must be a PDF, Word, Excel, text, email, JPEG or PNG file' });
    expect(link.getAttribute('href')).toBe('#f-file');
    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Upload a file'));
    expect(screen.getByLabelText('Upload a file').getAttribute('aria-describedby')).toBe('f-file-error');
    expect(document.getElementById('f-file-error')!.textContent).toContain('File must be a PDF');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Police report');
    expect((screen.getByLabelText('Police') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Year') as HTMLInputElement).value).toBe('2026');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('names the title, category and date the API refuses', async () => {
    vi.spyOn(api, 'uploadDocument').mockRejectedValue(new ApiError(400, 'Bad Request', '', [
      { field: 'title', message: 'is required' }, { field: 'category', message: 'is required' },
      { field: 'documentDate', message: 'must not be in the future' }]));
    page('/cases/c1/documents/upload');
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Add the document' }));
    expect((await screen.findByRole('link', { name: 'Title is required' })).getAttribute('href')).toBe('#f-title');
    expect(screen.getByRole('link', { name: 'Category is required' }).getAttribute('href')).toBe('#f-category');
    expect(screen.getByRole('link', { name: 'Document date must not be in the future' }).getAttribute('href')).toBe('#f-documentDate');
  });

  it('on a 413, the file is too large, in the API’s words', async () => {
    vi.spyOn(api, 'uploadDocument').mockRejectedValue(new ApiError(413, 'Payload Too Large',
      'The file is larger than 20 MB, the most Casepath keeps.', []));
    page('/cases/c1/documents/upload');
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Add the document' }));
    const link = await screen.findByRole('link', { name: 'The file is larger than 20 MB, the most Casepath keeps.' });
    expect(link.getAttribute('href')).toBe('#f-file');
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Police report');
    expect(uploadErrors(new ApiError(413, 'Payload Too Large', '', []))[0].message).toMatch(/smaller than 20 MB/);
  });

  it('asks for a file before sending anything', async () => {
    const upload = vi.spyOn(api, 'uploadDocument');
    page('/cases/c1/documents/upload');
    await screen.findByRole('heading', { name: 'Add a document' });
    fireEvent.click(screen.getByRole('button', { name: 'Add the document' }));
    await screen.findByRole('link', { name: 'Select a file' });
    expect(upload).not.toHaveBeenCalled();
  });
});

/** A fake XMLHttpRequest: records what was sent, and answers when told. */
class FakeXhr {
  static last: FakeXhr;
  method = ''; url = ''; headers: Record<string, string> = {}; body: unknown; status = 0; responseText = ''; statusText = '';
  withCredentials = false;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null; onerror: (() => void) | null = null; onabort: (() => void) | null = null;
  constructor() { FakeXhr.last = this; }
  open(method: string, url: string) { this.method = method; this.url = url; }
  setRequestHeader(name: string, value: string) { this.headers[name] = value; }
  send(body: unknown) { this.body = body; }
  answer(status: number, body: unknown) { this.status = status; this.responseText = JSON.stringify(body); this.onload?.(); }
}

describe('the API client’s upload', () => {
  it('posts multipart by XMLHttpRequest with the CSRF header, reports progress, and reads a refusal as an ApiError', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    document.cookie = 'XSRF-TOKEN=tok%2Ben';
    try {
      const progress: number[] = [];
      const sent = api.uploadDocument('c1', { file: pdf(), title: 'Police report', category: 'POLICE', documentDate: '2026-03-03' },
        (p) => progress.push(p.loaded / p.total));
      await vi.waitFor(() => expect(FakeXhr.last?.method).toBe('POST'));
      const xhr = FakeXhr.last;
      expect(xhr.url).toBe('/api/cases/c1/documents');
      expect(xhr.headers['X-XSRF-TOKEN']).toBe('tok+en');
      const form = xhr.body as FormData;
      expect((form.get('file') as File).name).toBe('police-report.pdf');
      expect([form.get('title'), form.get('category'), form.get('documentDate')]).toEqual(['Police report', 'POLICE', '2026-03-03']);
      xhr.upload.onprogress!({ lengthComputable: true, loaded: 5, total: 10 });
      xhr.answer(201, doc({}));
      expect((await sent).documentId).toBe('d1');
      expect(progress).toEqual([0.5]);

      const refused = api.uploadDocument('c1', { file: pdf(), title: '', category: '', documentDate: '' });
      await vi.waitFor(() => expect(FakeXhr.last).not.toBe(xhr));
      FakeXhr.last.answer(400, { title: 'Bad Request', detail: 'Not valid', errors: [{ field: 'file', message: 'is not a PDF' }] });
      await expect(refused).rejects.toMatchObject({ status: 400, errors: [{ field: 'file', message: 'is not a PDF' }] });

      const tooBig = api.uploadDocument('c1', { file: pdf(), title: 't', category: 'OTHER', documentDate: '2026-03-03' });
      await vi.waitFor(() => expect(FakeXhr.last.body).toBeTruthy());
      const big = FakeXhr.last;
      big.status = 413; big.responseText = '<html>too big</html>'; big.statusText = 'Payload Too Large'; big.onload!();
      await expect(tooBig).rejects.toMatchObject({ status: 413, detail: '' });
    } finally {
      vi.unstubAllGlobals();
      document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    }
  });

  it('sizes in KB and MB', () => {
    expect([fileSize(500), fileSize(2048), fileSize(3_500_000), fileSize(20 * 1024 * 1024)]).toEqual(['500 bytes', '2 KB', '3.3 MB', '20 MB']);
  });
});
