const m = require('docx');
const v8 = require('v8');
v8.startupSnapshot.setDeserializeMainFunction(() => { console.log('restored docx', Object.keys(m).length); });
