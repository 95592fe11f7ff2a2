const m = require('pdfmake');
const v8 = require('v8');
v8.startupSnapshot.setDeserializeMainFunction(() => { console.log('restored pdfmake', Object.keys(m).length); });
