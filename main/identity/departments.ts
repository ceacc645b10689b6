// Shared with the renderer, which names a department that does not exist: see main/shared/rules/.
export { DEPARTMENT_CODES, isDepartment, padDepartment, type Register, registerOf } from '../shared/rules/departments.ts';
