export { TemplatePreview, type TemplatePreviewProps, type TemplateParameters } from "./template-preview";
