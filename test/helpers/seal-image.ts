/** A red seal image for tests and the example county: a ring and a five-pointed star on transparency. */
import { writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

export function sealPng(size = 240): Buffer {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  const star = Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? size * 0.22 : size * 0.09;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [c + r * Math.cos(angle), c + r * Math.sin(angle)] as const;
  });
  const insideStar = (x: number, y: number) => {
    let inside = false;
    for (let i = 0, j = star.length - 1; i < star.length; j = i++) {
      const [xi, yi] = star[i]!;
      const [xj, yj] = star[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      const inked = (d < size * 0.48 && d > size * 0.42) || insideStar(x, y);
      const i = (y * size + x) * 4;
      png.data[i] = 220;
      png.data[i + 1] = 20;
      png.data[i + 2] = 20;
      png.data[i + 3] = inked ? 255 : 0;
    }
  }
  return PNG.sync.write(png);
}

export function writeSealPng(file: string): void {
  writeFileSync(file, sealPng());
}
