import Link from "next/link";

import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";

import { AuthShell } from "./auth-shell";

type InvitationMessageProps = { title: string; description: string; homeLabel: string };

/** An invitation that can't be used (invalid, expired, revoked or already accepted). */
export function InvitationMessage({ title, description, homeLabel }: InvitationMessageProps) {
  return (
    <AuthShell>
      <Card>
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">{title}</h1>
          </CardTitle>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardFooter>
          <Button asChild variant="outline">
            <Link href="/">{homeLabel}</Link>
          </Button>
        </CardFooter>
      </Card>
    </AuthShell>
  );
}
