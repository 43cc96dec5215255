/**
 * Mercurius's route answer schema, with `errors[].path` items strings or integers: its own types
 * them as strings, which would turn `["cases", 0, "id"]` into `["cases", "0", "id"]`.
 */
export const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    data: { type: ['object', 'null'], additionalProperties: true },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          message: { type: 'string' },
          locations: { type: 'array', items: { type: 'object', properties: { line: { type: 'integer' }, column: { type: 'integer' } } } },
          path: { type: 'array', items: { type: ['string', 'integer'] } },
          extensions: { type: 'object', properties: { code: { type: 'string' } }, additionalProperties: true },
        },
      },
    },
    extensions: { type: 'object', additionalProperties: true },
  },
};
