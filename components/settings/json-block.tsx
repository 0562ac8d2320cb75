import { cn } from "@/components/ui/cn";

/** A JSON value, pretty-printed and scrollable, for event payloads and step results. */
export function JsonBlock({ value, label, className }: { value: unknown; label?: string; className?: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      className={cn("max-h-80 overflow-auto rounded-md border bg-muted/50 p-3 font-mono text-xs leading-relaxed whitespace-pre", className)}
    >
      {JSON.stringify(value ?? null, null, 2)}
    </pre>
  );
}
