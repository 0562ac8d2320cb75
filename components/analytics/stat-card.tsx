import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** A headline figure with the previous period's beside it ("vs …"). */
export function StatCard({ label, value, previous, testId }: { label: string; value: string; previous?: string; testId?: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader className="pb-1">
        <CardTitle className="text-sm font-normal text-muted-foreground">{label}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-0.5">
        <span className="text-2xl font-semibold tabular-nums break-words">{value}</span>
        {previous !== undefined && <span className="text-xs text-muted-foreground">{previous}</span>}
      </CardContent>
    </Card>
  );
}
