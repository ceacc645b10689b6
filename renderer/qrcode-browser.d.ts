/**
 * The one call of qrcode the renderer makes, typed without Node: @types/qrcode references
 * Node's types (for its file and stream functions), which the page must not see. The
 * renderer's tsconfig maps `qrcode` here; Vite still bundles the package's browser build.
 */
type QrOptions = { margin?: number; width?: number; errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' };

declare const QRCode: {
  /** A PNG of the code as a data: URL. */
  toDataURL(text: string, options?: QrOptions): Promise<string>;
};
export default QRCode;
