import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ErrorSummary, fieldId, fieldName } from './ErrorSummary';

afterEach(cleanup);

describe('the error summary', () => {
  it('links each of the API’s errors to its field, in words', () => {
    render(<ErrorSummary errors={[
      { field: 'child.dateOfBirth', message: 'must not be in the future' },
      { field: 'dangerStatements[0].safetyGoal', message: 'is required' },
    ]} />);
    expect(screen.getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    const first = screen.getByRole('link', { name: 'Date of birth must not be in the future' });
    expect(first.getAttribute('href')).toBe('#f-child-dateOfBirth');
    expect(screen.getByRole('link', { name: 'Safety goal is required' }).getAttribute('href'))
      .toBe('#f-dangerStatements-0-safetyGoal');
  });

  it('is not shown when nothing is wrong', () => {
    const { container } = render(<ErrorSummary errors={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('names paths as people read them', () => {
    expect(fieldName('sharedWithFamily.reasonNotShared')).toBe('Reason not shared');
    expect(fieldId('familyMeeting.offeredTo[1]')).toBe('f-familyMeeting-offeredTo-1');
  });
});
