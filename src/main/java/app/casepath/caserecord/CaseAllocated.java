package app.casepath.caserecord;

/**
 * Published (in the allocating transaction) when a case is allocated to a worker, a reallocation
 * included; the record's neighbours (supervision) listen without the record knowing them.
 */
public record CaseAllocated(String caseId, String worker) {
}
