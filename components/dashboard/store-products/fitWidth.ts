// A filter's width from its placeholder: the same select says "Status" in English and
// "Trạng thái đồng bộ" in Vietnamese, and a clipped placeholder no longer says what it filters.
let canvas: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string): number {
  if (canvas === undefined) {
    try {
      // Asked once: null (no canvas, e.g. jsdom) is remembered too.
      canvas = document.createElement('canvas').getContext('2d') ?? null;
      if (canvas) canvas.font = `14px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
    } catch {
      canvas = null; // no canvas (tests): an estimate
    }
  }
  return canvas ? canvas.measureText(text).width : text.length * 7.5;
}

/** Room for the text, the arrow / clear icon and the padding; never below `min`, never past `max`. */
export function fitWidth(text: string, min: number, max = 260): number {
  return Math.min(max, Math.max(min, Math.ceil(textWidth(text)) + 44));
}
