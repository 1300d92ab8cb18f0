import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { CaseView, Relationship } from '../../lib/types';
import { RELATIONSHIP_TYPES, STAGES } from '../../lib/words';

/** The child's record and family, and the people around them as the child's record has them. */
export function FamilyTab({ view: c }: { view: CaseView }) {
  const child = c.child;
  const person = useQuery({ queryKey: ['person', child.childId], queryFn: () => api.person(child.childId) });
  const family = useQuery({ queryKey: ['family', c.familyId], queryFn: () => api.family(c.familyId!), enabled: !!c.familyId });
  const current = (person.data?.relationships ?? []).filter((r) => r.current !== false);
  const network = current.filter((r) => r.safetyNetwork);
  const siblings = (family.data?.children ?? []).filter((s) => s.childId !== child.childId);
  return (
    <>
      <h2 className="govuk-heading-m">Family and network</h2>
      <ul className="govuk-list">
        <li><Link className="govuk-link" to={`/people/${child.childId}`}>{child.firstName}’s record: details, relationships and warnings</Link></li>
        {c.familyId && <li><Link className="govuk-link" to={`/families/${c.familyId}`}>{child.firstName}’s family: brothers, sisters and the adults around them</Link></li>}
      </ul>
      <p className="govuk-body-s">{child.firstName}’s own details (NHS number, UPN, disabilities) are on the{' '}
        <Link className="govuk-link" to={`/cases/${c.caseId}`}>summary</Link>.</p>

      <h3 className="govuk-heading-s">The people around {child.firstName}</h3>
      {person.isLoading ? <p className="govuk-body">Loading…</p> : current.length === 0
        ? <p className="govuk-body">No one recorded yet. <Link className="govuk-link" to={`/people/${child.childId}/relationships/new`}>Add a relationship</Link>.</p>
        : <ul className="govuk-list govuk-list--spaced">{current.map((r) => <li key={r.relationshipId}><RelationshipLine r={r} /></li>)}</ul>}

      <h3 className="govuk-heading-s">The safety network</h3>
      {network.length === 0 ? <p className="govuk-body">No one is in the safety network yet.</p> : (
        <ul className="govuk-list">
          {network.map((r) => (
            <li key={r.relationshipId}>
              <Link className="govuk-link" to={`/people/${r.otherPerson.personId}`}>{r.otherPerson.firstName} {r.otherPerson.lastName}</Link>
              {r.roleInPlan ? `: ${r.roleInPlan}` : ''}
            </li>
          ))}
        </ul>
      )}

      {siblings.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Brothers and sisters in the family</h3>
          <ul className="govuk-list">
            {siblings.map((s) => (
              <li key={s.childId}>
                <Link className="govuk-link" to={`/people/${s.personId}`}>{s.firstName} {s.lastName}</Link>
                {s.cases.filter((k) => k.status === 'OPEN').map((k) => (
                  <span key={k.caseId}>{' '}· <Link className="govuk-link" to={`/cases/${k.caseId}`}>{k.reference}
                    <span className="govuk-visually-hidden"> ({s.firstName}’s case)</span></Link> {STAGES[k.stage] ?? ''}</span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function RelationshipLine({ r }: { r: Relationship }) {
  const facts = [RELATIONSHIP_TYPES[r.type] ?? 'Related'];
  if (r.parentalResponsibility) facts.push('parental responsibility');
  if (r.livesWithChild) facts.push('lives with the child');
  if (r.organisation) facts.push(r.organisation);
  return (
    <>
      <Link className="govuk-link" to={`/people/${r.otherPerson.personId}`}>{r.otherPerson.firstName} {r.otherPerson.lastName}</Link>
      <span className="casepath-block govuk-body-s govuk-!-margin-bottom-0">{facts.join(', ')}</span>
    </>
  );
}
