// Move the focus to the error summary, so screen readers announce what to fix (GOV.UK pattern).
document.getElementById("error-summary")?.focus();
