// Translation rows: Ctrl+Enter saves, "use" buttons copy a suggestion into its field.
(function(){
var form=document.getElementById("editor");
form.addEventListener("keydown",function(e){if((e.ctrlKey||e.metaKey)&&e.key==="Enter"){e.preventDefault();form.requestSubmit();}});
document.querySelectorAll("button.use").forEach(function(b){b.addEventListener("click",function(){var t=document.getElementById(b.dataset.for);t.value=b.dataset.text;t.focus();});});
})();
