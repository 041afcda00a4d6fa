/** How many knowledge-base articles an inspector can attach to one review (shared by the picker and the server). */
export const MAX_REVIEW_ARTICLES = 5;
