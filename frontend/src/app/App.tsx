import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './Layout';
import { useSession } from '../features/auth/session';
import { SignInPage } from '../features/auth/SignInPage';
import { SignInRefusedPage } from '../features/auth/SignInRefusedPage';
import { InboxPage } from '../features/inbox/InboxPage';
import { TaskPage } from '../features/forms/TaskPage';
import { ChildDetailsPage } from '../features/case/ChildDetailsPage';
import { CasePage, type CaseRecording } from '../features/case/CasePage';
import { CasesPage } from '../features/case/CasesPage';
import { RecordContactPage } from '../features/contact/RecordContactPage';
import { PanelPage } from '../features/panel/PanelPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { PeopleSearchPage } from '../features/people/PeopleSearchPage';
import { PersonPage } from '../features/people/PersonPage';
import { CorrectPersonPage } from '../features/people/CorrectPersonPage';
import { AddRelationshipPage } from '../features/people/AddRelationshipPage';
import { RaiseWarningPage } from '../features/people/RaiseWarningPage';
import { RestrictionPage } from '../features/people/RestrictionPage';
import { FamilyPage } from '../features/family/FamilyPage';
import { WorkTogetherPage } from '../features/family/WorkTogetherPage';
import { LatestNotes, NotesTab } from '../features/recording/NotesTab';
import { NoteEditorPage } from '../features/recording/NoteEditorPage';
import { NotePage } from '../features/recording/NotePage';
import { UnallocatedPage } from '../features/teams/UnallocatedPage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { CaseloadPage } from '../features/teams/CaseloadPage';
import { WorkerPage } from '../features/teams/WorkerPage';
import { AllocationPage } from '../features/teams/AllocationPage';
import { DocumentsTab } from '../features/documents/DocumentsTab';
import { UploadDocumentPage } from '../features/documents/UploadDocumentPage';
import { WithdrawDocumentPage } from '../features/documents/WithdrawDocumentPage';

/** The case page's notes come from the recording feature; the app joins the two. */
const RECORDING: CaseRecording = { Notes: NotesTab, Latest: LatestNotes };

function SignedIn({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  if (loading) return <p className="govuk-body">Loading…</p>;
  return me ? <>{children}</> : <Navigate to="/sign-in" replace />;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-in/refused" element={<SignInRefusedPage />} />
        <Route path="/" element={<SignedIn><InboxPage /></SignedIn>} />
        <Route path="/tasks/:taskId" element={<SignedIn><TaskPage /></SignedIn>} />
        <Route path="/cases" element={<SignedIn><CasesPage /></SignedIn>} />
        <Route path="/cases/:caseId" element={<SignedIn><CasePage recording={RECORDING} /></SignedIn>} />
        <Route path="/cases/:caseId/notes" element={<SignedIn><CasePage tab="notes" recording={RECORDING} /></SignedIn>} />
        <Route path="/cases/:caseId/plan" element={<SignedIn><CasePage tab="plan" recording={RECORDING} /></SignedIn>} />
        <Route path="/cases/:caseId/family" element={<SignedIn><CasePage tab="family" recording={RECORDING} /></SignedIn>} />
        <Route path="/cases/:caseId/chronology" element={<SignedIn><CasePage tab="chronology" recording={RECORDING} /></SignedIn>} />
        <Route path="/cases/:caseId/documents" element={<SignedIn><CasePage tab="documents" recording={RECORDING} documents={DocumentsTab} /></SignedIn>} />
        <Route path="/cases/:caseId/documents/upload" element={<SignedIn><UploadDocumentPage /></SignedIn>} />
        <Route path="/cases/:caseId/documents/:documentId/withdraw" element={<SignedIn><WithdrawDocumentPage /></SignedIn>} />
        <Route path="/cases/:caseId/process" element={<SignedIn><CasePage tab="process" recording={RECORDING} /></SignedIn>} />
        <Route path="/cases/:caseId/notes/new" element={<SignedIn><NoteEditorPage /></SignedIn>} />
        <Route path="/notes/:noteId" element={<SignedIn><NotePage /></SignedIn>} />
        <Route path="/notes/:noteId/edit" element={<SignedIn><NoteEditorPage /></SignedIn>} />
        <Route path="/cases/:caseId/allocation" element={<SignedIn><AllocationPage /></SignedIn>} />
        <Route path="/teams" element={<SignedIn><TeamsPage /></SignedIn>} />
        <Route path="/teams/unallocated" element={<SignedIn><UnallocatedPage /></SignedIn>} />
        <Route path="/teams/:teamId" element={<SignedIn><CaseloadPage /></SignedIn>} />
        <Route path="/teams/:teamId/workers/:username" element={<SignedIn><WorkerPage /></SignedIn>} />
        <Route path="/cases/:caseId/child" element={<SignedIn><ChildDetailsPage /></SignedIn>} />
        <Route path="/contacts/new" element={<SignedIn><RecordContactPage /></SignedIn>} />
        <Route path="/panel" element={<SignedIn><PanelPage /></SignedIn>} />
        <Route path="/dashboard" element={<SignedIn><DashboardPage /></SignedIn>} />
        <Route path="/families/:familyId" element={<SignedIn><FamilyPage /></SignedIn>} />
        <Route path="/families/:familyId/together/:taskKey" element={<SignedIn><WorkTogetherPage /></SignedIn>} />
        <Route path="/people" element={<SignedIn><PeopleSearchPage /></SignedIn>} />
        <Route path="/people/:personId" element={<SignedIn><PersonPage /></SignedIn>} />
        <Route path="/people/:personId/change" element={<SignedIn><CorrectPersonPage /></SignedIn>} />
        <Route path="/people/:personId/relationships/new" element={<SignedIn><AddRelationshipPage /></SignedIn>} />
        <Route path="/people/:personId/warnings/new" element={<SignedIn><RaiseWarningPage /></SignedIn>} />
        <Route path="/people/:personId/restriction" element={<SignedIn><RestrictionPage /></SignedIn>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  return <h1 className="govuk-heading-l">Page not found</h1>;
}
