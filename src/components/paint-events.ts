/** The event a <paint-canvas> fires after each stroke, with its canvas as the detail. */
export const paintChangeEvent = 'paint-change';
