"use client";

import { AlertCircleIcon } from "lucide-react";

import { ApiError } from "@/components/api/api-fetch";
import { useErrorMessage } from "@/components/api/use-error-message";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";

type FormErrorProps = {
  error: unknown;
  /** Fields shown by the form: their issues appear under the field, not here. */
  fields?: readonly string[];
  className?: string;
};

/** The part of an API error that no field can show, as an alert above the form's actions. */
export function FormError({ error, fields = [], className }: FormErrorProps) {
  const messageFor = useErrorMessage();
  if (!error) return null;
  let message: string | null;
  if (error instanceof ApiError && error.issues.length > 0) {
    const unplaced = error.issues.filter((issue) => !fields.includes(issue.path));
    message = unplaced.length > 0 ? unplaced.map((issue) => issue.message).join(" ") : null;
  } else {
    message = messageFor(error);
  }
  if (!message) return null;
  return (
    <Alert variant="destructive" className={cn(className)}>
      <AlertCircleIcon aria-hidden="true" />
      <AlertDescription>{message}</AlertDescription>
    </Alert>
  );
}
