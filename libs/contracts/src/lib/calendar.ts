/**
 * A personal calendar feed (ICS): a secret address per person listing their own dates (consultation
 * deadlines, committee meetings of their assessments, follow-up dates). The address is shown once,
 * when made; Lava keeps only a hash of its secret. Making a new one ends the old one.
 */
export interface CalendarFeedStatus {
  /** Whether the person has a feed address that works now. */
  active: boolean;
  /** When the current address was made; null when there is none. */
  createdAt: string | null;
  /** When a calendar last read the feed; null when never. */
  lastReadAt: string | null;
}

/** `POST /api/me/calendar-feed` answers the new address, once. */
export interface CalendarFeedCreated extends CalendarFeedStatus {
  /** The secret address to give one's calendar app (https://…/api/calendar/<secret>.ics). */
  url: string;
}
