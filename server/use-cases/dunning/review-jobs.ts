// The jobs of "reminders wait for review": putting a counterparty's reminder on the list, and the
// release of the day's unreviewed lines at the admin's hour.
export const DUNNING_REVIEW_QUEUE_JOB = 'dunning-review-queue'
export const DUNNING_REVIEW_RELEASE_JOB = 'dunning-review-release'

export interface ReleaseJobData {
  memberId: string
  day: string
  /** The hour the job was planned for; a job whose hour is no longer the setting does nothing. */
  hour: number
}
