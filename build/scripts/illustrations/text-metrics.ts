export const textWidth = (s: string, size: number): number => String(s).length * size * 0.56;
