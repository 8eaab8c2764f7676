// qrcode-terminal 0.12 ships no types; this is the part Linli uses.
declare module 'qrcode-terminal' {
  interface GenerateOptions {
    /** Half-height blocks: a QR code that fits a normal terminal. */
    small?: boolean;
  }
  const qrcodeTerminal: {
    generate(input: string, options: GenerateOptions, callback: (art: string) => void): void;
  };
  export default qrcodeTerminal;
}
