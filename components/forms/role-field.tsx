"use client";

import { useTranslations } from "next-intl";

import { SelectField } from "@/components/forms/select-field";
import type { Role } from "@/db/schema";

type RoleFieldProps = {
  id: string;
  label: string;
  value: Role;
  onChange: (role: Role) => void;
  /** The roles the current person may grant. */
  roles: Role[];
  error?: string;
};

/** A role picker that explains, under it, what the chosen role may do. */
export function RoleField({ id, label, value, onChange, roles, error }: RoleFieldProps) {
  const t = useTranslations();
  return (
    <SelectField
      id={id}
      name="role"
      label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as Role)}
      hint={t(`roleDescriptions.${value}`)}
      error={error}
      options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
    />
  );
}
