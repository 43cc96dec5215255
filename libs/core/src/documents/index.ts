// Entry points of the rendering for the bench and tests; services go through @app/core.
export { renderDocx } from './docx-render';
export { convertDocxToPdf } from './pdf-convert';
