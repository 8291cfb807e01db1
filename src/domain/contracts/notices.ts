/** notices: the notice centre and WeChat subscription messages. Its drain job sends the outbox. */
export const noticesContract = {}
