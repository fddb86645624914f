// Machine-translation job: poll its progress and reload the page when it is finished.
(function(){
var job=document.getElementById("job");
if(!job||job.dataset.finished==="1")return;
function poll(){fetch(job.dataset.url,{credentials:"same-origin"}).then(function(r){return r.json();}).then(function(d){
job.querySelector("progress").value=d.percent;job.querySelector("span").textContent=d.message;
if(d.finished){location.reload();}else{setTimeout(poll,2000);}});}
setTimeout(poll,2000);
})();
