// The release of zhenggai, as package.json states it (a test keeps the two
// equal). Written into each unit form's hidden sheet, so a form from another
// release can say which one made it.
export const ZHENGGAI_RELEASE = '0.1.0';
