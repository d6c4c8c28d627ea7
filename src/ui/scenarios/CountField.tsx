/** A number field for how many suggestions to compute (1–10; anything else is clamped). */
export function CountField(p: { label: string; value: number; onChange: (n: number) => void }) {
  return (
    <label class="field">
      <span>{p.label}</span>
      <input
        type="number"
        min={1}
        max={10}
        value={p.value}
        onChange={(e) =>
          p.onChange(Math.max(1, Math.min(10, Number((e.target as HTMLInputElement).value) || 1)))
        }
      />
    </label>
  );
}
