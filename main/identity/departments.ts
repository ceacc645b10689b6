// Shared with the renderer, which names a department that does not exist: see main/rules/.
export { DEPARTMENT_CODES, isDepartment, padDepartment, type Register, registerOf } from '../rules/departments.ts';
