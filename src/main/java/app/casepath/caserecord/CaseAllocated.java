package app.casepath.caserecord;

/**
 * Published (in the allocating transaction) when a case is allocated to a worker, a reallocation
 * included, or moved to a team without one (worker null); the record's neighbours (supervision,
 * the inbox) listen without the record knowing them.
 */
public record CaseAllocated(String caseId, String worker) {
}
