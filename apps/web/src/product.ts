/** PRODUCT_NAME's default (libs/config), for a page served without the API's index.html (vite dev). */
export const DEFAULT_PRODUCT_NAME = 'Phát triển đoàn viên – Thành lập CĐCS';

/** This deployment's product name: the API puts it in index.html (`<meta name="cdcs-product-name">`), readable before login. */
export function productName(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="cdcs-product-name"]')?.content.trim() || DEFAULT_PRODUCT_NAME;
}
