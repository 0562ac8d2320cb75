export type DepartmentView = { id: string; name: string; autoAssign: boolean; members: { userId: string; name: string; email: string }[] };
export type MemberOption = { userId: string; name: string; email: string };
